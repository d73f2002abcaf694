from laomo_desktop.cli import main

raise SystemExit(main())
