file(REMOVE_RECURSE
  "libnormkit_dates.a"
)
