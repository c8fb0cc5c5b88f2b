# Empty dependencies file for normkit_dates.
# This may be replaced when dependencies are built.
