"""The browser front door: textual-serve on loopback behind a secret URL path (optional extra)."""
