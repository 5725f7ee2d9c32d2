"""Source coverage (`check --sources`): read the flyers a cycle names, extract their facts, compare with its page."""
