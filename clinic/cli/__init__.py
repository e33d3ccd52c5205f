"""The `leads` command (clinic.cli.leads) and its subcommands."""
