"""Reusable widgets: pane bar, slider, confirm dialog, chart, rule badge."""
