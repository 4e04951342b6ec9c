package commands

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/facts"
)

// StoryOption is the option every command gets when the service serves
// several stories: it asks another story than the one of the channel.
const StoryOption = "story"

// AllStories is what /reload's story option takes to reload every story.
const AllStories = "all"

// DefaultStory names the one story of a service made by NewService.
const DefaultStory = "default"

// Place is where a request was asked: the server and channel (a DM has a
// channel and no server; the command line, neither). The service answers
// from the story mapped to the channel, else to the server, else the
// default one.
type Place struct{ Guild, Channel string }

// Story is one news story a service briefs on: its name (what story:
// takes and the footer shows), the base it serves at first, and how to
// read its facts folder again (nil: it cannot be reloaded). A story whose
// folder did not load has no Base yet, and Err says why: it answers that
// it is unavailable until a reload loads it, and the other stories serve
// meanwhile.
type Story struct {
	Name string
	Base *facts.Base
	Load Loader
	Err  error
}

// Routes say which story answers where: a channel's story, else its
// server's, else Default (the first story when empty).
type Routes struct {
	Default  string
	Channels map[string]string // channel id → story name
	Guilds   map[string]string // server id → story name
}

// storyName is what a story may be called: short, lowercase, and typable
// after story: without quotes.
var storyName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`)

// CheckStoryName says what is wrong with a story's name, or nil.
func CheckStoryName(name string) error {
	switch {
	case name == AllStories:
		return fmt.Errorf("a story cannot be called %q: /reload story:%s reloads every story", name, name)
	case !storyName.MatchString(name):
		return fmt.Errorf("story name %q: want 1 to 32 lowercase letters, digits, - or _, starting with a letter or digit", name)
	}
	return nil
}

// story is one story as the service serves it.
type story struct {
	name   string
	load   Loader
	served atomic.Pointer[served]
	mu     sync.Mutex // one reload of this story at a time, so that each report is consistent
}

func (st *story) base() *facts.Base { return st.served.Load().base }

// ready is the base the story serves, or, while it has none (its folder
// has not loaded yet), the user error that says so.
func (st *story) ready() (*facts.Base, error) {
	if b := st.base(); b != nil {
		return b, nil
	}
	return nil, userErrorf("story %s is not available: its facts folder did not load. An admin can fix it and run /reload story:%s.", st.name, st.name)
}

// StoryStatus is what a front end shows of a story: in /healthz, the
// metrics and its logs.
type StoryStatus struct {
	Name, Version string
	Articles      int
	LoadedAt      time.Time // zero when unknown
	AsOf          time.Time // the newest article's date; zero when none is dated
}

// status is the story's StoryStatus; a story with no base yet has no
// version and no articles.
func (st *story) status() StoryStatus {
	b := st.base()
	if b == nil {
		return StoryStatus{Name: st.name}
	}
	s := StoryStatus{Name: st.name, Version: b.Version(), Articles: len(b.Docs()), LoadedAt: b.LoadedAt()}
	if !b.AsOf().IsZero() {
		s.AsOf = b.AsOf().Start()
	}
	return s
}

// Stories returns the status of every story, the default one first.
func (s *Service) Stories() []StoryStatus {
	out := make([]StoryStatus, len(s.stories))
	for i, st := range s.stories {
		out[i] = st.status()
	}
	return out
}

// Status is the status of the story named (the default one for "").
func (s *Service) Status(name string) StoryStatus {
	if st := s.byName[name]; st != nil {
		return st.status()
	}
	return s.stories[0].status()
}

// several reports whether the service serves more than one story: only
// then do commands take story: and answers name their story.
func (s *Service) several() bool { return len(s.stories) > 1 }

// storyFor picks the story that answers req: the one its story option
// names, else the one mapped to its channel, else to its server, else the
// default one.
func (s *Service) storyFor(req Request) (*story, error) {
	if name := strings.ToLower(strings.TrimSpace(req.Opt(StoryOption))); name != "" {
		if st := s.byName[name]; st != nil {
			return st, nil
		}
		return nil, userErrorf("no story %q here: the stories are %s", name, strings.Join(s.names(), ", "))
	}
	if name, ok := s.routes.Channels[req.Place.Channel]; ok && req.Place.Channel != "" {
		return s.byName[name], nil
	}
	if name, ok := s.routes.Guilds[req.Place.Guild]; ok && req.Place.Guild != "" {
		return s.byName[name], nil
	}
	return s.stories[0], nil
}

// baseFor is the story that answers req and the base it serves, or the
// user error of an unknown or unavailable story.
func (s *Service) baseFor(req Request) (*story, *facts.Base, error) {
	st, err := s.storyFor(req)
	if err != nil {
		return nil, nil, err
	}
	b, err := st.ready()
	return st, b, err
}

func (s *Service) names() []string {
	out := make([]string, len(s.stories))
	for i, st := range s.stories {
		out[i] = st.name
	}
	return out
}

// newStories checks the stories and routes and orders them, the default
// story first.
func newStories(list []Story, routes Routes) ([]*story, map[string]*story, error) {
	if len(list) == 0 {
		return nil, nil, fmt.Errorf("no story to serve")
	}
	byName := make(map[string]*story, len(list))
	var out []*story
	for _, c := range list {
		if err := CheckStoryName(c.Name); err != nil {
			return nil, nil, err
		}
		if byName[c.Name] != nil {
			return nil, nil, fmt.Errorf("two stories are called %q", c.Name)
		}
		if c.Base == nil && (c.Load == nil || c.Err == nil) {
			return nil, nil, fmt.Errorf("story %q has no fact base, and no loader and load error to serve it as unavailable", c.Name)
		}
		st := &story{name: c.Name, load: c.Load}
		st.served.Store(newServed(c.Base))
		byName[c.Name] = st
		out = append(out, st)
	}
	def := routes.Default
	if def == "" {
		def = out[0].name
	}
	i := slices.IndexFunc(out, func(st *story) bool { return st.name == def })
	if i < 0 {
		return nil, nil, fmt.Errorf("the default story %q is not one of the stories", def)
	}
	first := out[i]
	out = append([]*story{first}, slices.Delete(out, i, i+1)...)
	for _, m := range []map[string]string{routes.Channels, routes.Guilds} {
		for id, name := range m {
			if byName[name] == nil {
				return nil, nil, fmt.Errorf("%s is mapped to story %q, which is not one of the stories", id, name)
			}
		}
	}
	return out, byName, nil
}
