"""Page features behind one interface (base.py), listed in order in registry.py."""
