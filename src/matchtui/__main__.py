from matchtui.cli import main

raise SystemExit(main())
