"""Feeds in: fetching politely and safely, finding feed links, parsing RSS, Atom and JSON Feed
into entries, pacing and polling, and optional full article text. Imports from the ground, the
runtime and the store; never from news/ (its sibling) or above."""
