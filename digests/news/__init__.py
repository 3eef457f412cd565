"""News understanding: sentences, figures and people read from items, stories grouped as items
arrive, summaries, answers to questions, key figures and the digest. Imports from the ground,
the runtime and the store; never from feeds/ (its sibling) or above."""
