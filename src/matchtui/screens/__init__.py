"""One screen per pane, each with its own .tcss beside it."""
