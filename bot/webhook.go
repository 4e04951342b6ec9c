package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// discordSender is the sender of the real bot: a discordgo Session, except
// for the REST calls that an interaction's own token authorises (its
// callback, the edit of its reply, its follow-ups, the deletion of its
// reply), which it makes itself with the session's HTTP client.
//
// The reason is discordgo's rate limiter: it keeps a bucket for every
// distinct bucket key and never drops one (discordgo issue #1333), and
// these routes carry the interaction's token in their path, so each
// interaction would leave a bucket or two behind for good (some 450 bytes
// each; autocomplete is one interaction per key press). Sharing one bucket
// per route instead would serialise every interaction behind the slowest
// (discordgo holds a bucket for the whole of a request). These routes need
// neither: Discord limits them per interaction token and exempts them
// from the global limit, and call retries a 429 within the time left.
type discordSender struct {
	*discordgo.Session
}

// maxAnswer bounds what is read of Discord's answer to an interaction
// call: a message, or an error.
const maxAnswer = 1 << 20

// respond sends an interaction's first reply.
func (s discordSender) respond(i *discordgo.Interaction, body wireJSON, o ...discordgo.RequestOption) error {
	_, err := s.interactionCall(http.MethodPost, discordgo.EndpointInteractionResponse(i.ID, i.Token), body, o...)
	return err
}

// InteractionResponseDelete deletes an interaction's first reply.
func (s discordSender) InteractionResponseDelete(i *discordgo.Interaction, o ...discordgo.RequestOption) error {
	_, err := s.interactionCall(http.MethodDelete, discordgo.EndpointInteractionResponseActions(i.AppID, i.Token), nil, o...)
	return err
}

// FollowupMessageCreate sends a follow-up message to an interaction.
func (s discordSender) FollowupMessageCreate(i *discordgo.Interaction, wait bool, p *discordgo.WebhookParams, o ...discordgo.RequestOption) (*discordgo.Message, error) {
	if len(p.Files) > 0 {
		return nil, errors.New("bot: follow-ups with files are not supported")
	}
	url := discordgo.EndpointWebhookToken(i.AppID, i.Token)
	if wait {
		url += "?wait=true"
	}
	body, err := s.interactionCall(http.MethodPost, url, p, o...)
	if err != nil || !wait {
		return nil, err
	}
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("reading the follow-up Discord made: %w", err)
	}
	return &m, nil
}

// interactionCall makes one REST call authorised by the interaction token
// in url, as discordgo would (the session's client, user agent, and token
// if it has one: in HTTP mode it has none) but without its rate limiter,
// and returns discordgo's errors, which call knows how to retry.
func (s discordSender) interactionCall(method, url string, data any, o ...discordgo.RequestOption) ([]byte, error) {
	var body []byte
	if w, ok := data.(wireJSON); ok {
		body = w
	} else if data != nil {
		var err error
		if body, err = json.Marshal(data); err != nil {
			return nil, fmt.Errorf("encoding the request: %w", err)
		}
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("making the request: %w", err)
	}
	if s.Token != "" {
		req.Header.Set("Authorization", s.Token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", s.UserAgent)
	cfg := &discordgo.RequestConfig{Request: req, Client: s.Client}
	for _, opt := range o {
		opt(cfg)
	}
	resp, err := cfg.Client.Do(cfg.Request)
	if err != nil {
		return nil, err //nolint:wrapcheck // a *url.Error, as discordgo returns: describe takes it apart
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return nil, fmt.Errorf("reading Discord's answer: %w", err)
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return answer, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		var tm discordgo.TooManyRequests
		if json.Unmarshal(answer, &tm) == nil {
			return nil, &discordgo.RateLimitError{RateLimit: &discordgo.RateLimit{TooManyRequests: &tm, URL: url}}
		}
	}
	re := &discordgo.RESTError{Request: cfg.Request, Response: resp, ResponseBody: answer}
	var msg discordgo.APIErrorMessage
	if json.Unmarshal(answer, &msg) == nil {
		re.Message = &msg
	}
	return nil, re
}
