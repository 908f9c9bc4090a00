from matchtui.cli import console

console()
