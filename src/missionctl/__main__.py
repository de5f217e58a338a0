from missionctl.cli.app import run

run()
