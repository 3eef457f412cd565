"""The Discord layer: thin slash-command cogs and pure renderers over the `digests` engine."""
