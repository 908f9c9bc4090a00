"""Pure logic over the models: no Textual import anywhere in this package (a test enforces it)."""
