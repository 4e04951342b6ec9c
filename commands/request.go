package commands

import (
	"errors"
	"fmt"

	"github.com/briefbot/briefbot/facts"
)

// Request is one command invocation, however it arrived (slash command, DM
// text, or the command line).
type Request struct {
	Command string            // command name, e.g. "who"
	Options map[string]string // option name -> value as typed
	Raw     string            // the query as the user typed it
	Place   Place             // where it was asked: picks the story that answers
}

// Opt returns an option's value, or "".
func (r Request) Opt(name string) string { return r.Options[name] }

// Handler answers a request from a fact base. It must not modify the base.
type Handler func(b *facts.Base, req Request) (Answer, error)

// Complete names what an option's autocomplete offers.
type Complete string

// Autocomplete sources.
const (
	NoComplete     Complete = ""
	CompletePerson Complete = "person"
	CompleteSource Complete = "source"
)

// Option is one option of a command.
type Option struct {
	Name        string
	Description string // at most 100 characters (a Discord limit)
	Required    bool
	Complete    Complete
}

// Spec is one command: what Discord registers, what /help shows, and its handler.
type Spec struct {
	Name        string
	Description string // at most 100 characters
	Options     []Option
	Examples    []string
	Admin       bool    // only configured admins may run it
	Handler     Handler // nil for commands the bot itself carries out (reload)
}

// UserError is a problem with what the user asked, shown to them as is; any
// other error is the bot's own and is logged, with a generic reply.
type UserError struct{ Msg string }

func (e *UserError) Error() string { return e.Msg }

func userErrorf(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// IsUserError reports whether err is meant for the user's eyes.
func IsUserError(err error) bool {
	var ue *UserError
	return errors.As(err, &ue)
}
