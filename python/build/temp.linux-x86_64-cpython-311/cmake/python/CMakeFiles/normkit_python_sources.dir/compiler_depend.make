# Empty custom commands generated dependencies file for normkit_python_sources.
# This may be replaced when dependencies are built.
