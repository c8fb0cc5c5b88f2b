# Empty dependencies file for normkit_dates_objects.
# This may be replaced when dependencies are built.
