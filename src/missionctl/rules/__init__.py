"""The rule catalogue: every code of the contract with its name, default and summary."""
