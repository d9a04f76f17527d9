"""Op families: each module registers its op types, public wrappers and gradients together."""
