// Package labels reads the hand-labelled test sets in facts/testdata/labels:
// for each article, the quotes, dates and people a reader found in it. The
// quality tests of extraction (facts/extract) and of date resolution
// (facts) score against them.
package labels

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Set is one labelled set: its labels and the folder of the articles they
// label.
type Set struct {
	File, Articles string
}

// Sets returns both labelled sets, the seeds and our own articles, with
// paths from the facts folder at factsDir.
func Sets(factsDir string) []Set {
	return []Set{
		{filepath.Join(factsDir, "testdata/labels/seeds.yaml"), filepath.Join(factsDir, "../seeds")},
		{filepath.Join(factsDir, "testdata/labels/own.yaml"), filepath.Join(factsDir, "testdata/own")},
	}
}

// Labels is what a set's file holds.
type Labels struct {
	Articles []Article `yaml:"articles"`
}

// Article is the labels of one article, named by its id.
type Article struct {
	ID        string   `yaml:"id"`
	Published string   `yaml:"published"`
	Quotes    []Quote  `yaml:"quotes"`
	Dates     []Date   `yaml:"dates"`
	People    []Person `yaml:"people"`
}

// Quote is a quote and who said it.
type Quote struct {
	Quote   string `yaml:"quote"`
	Speaker string `yaml:"speaker"`
}

// Date is a date expression (Text, found within Context), what it
// resolves to, its qualifier and its tense.
type Date struct {
	Text      string `yaml:"text"`
	Context   string `yaml:"context"`
	Date      string `yaml:"date"`
	Qualifier string `yaml:"qualifier"`
	Tense     string `yaml:"tense"`
}

// Person is a person the article names, and their role.
type Person struct {
	Name string `yaml:"name"`
	Role string `yaml:"role"`
}

// Read reads the set's labels; a field it does not know is an error.
func (s Set) Read() (Labels, error) {
	var l Labels
	data, err := os.ReadFile(s.File)
	if err != nil {
		return l, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		return l, fmt.Errorf("%s: %w", s.File, err)
	}
	return l, nil
}

// Text returns the text of the set's article id.
func (s Set) Text(id string) (string, error) {
	data, err := os.ReadFile(filepath.Join(s.Articles, id+".txt"))
	return string(data), err
}
