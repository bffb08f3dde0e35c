"""The lint engine behind `migrate lint`: config, rule selection, suppressions, output, fixes."""
