"""esn_teach."""
