from missionctl.cli.app import main

raise SystemExit(main())
