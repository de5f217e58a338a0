"""The command line: thin commands over the core, one error boundary in `app.main`."""
