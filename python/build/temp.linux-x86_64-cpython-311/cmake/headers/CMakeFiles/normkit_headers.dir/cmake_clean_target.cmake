file(REMOVE_RECURSE
  "libnormkit_headers.a"
)
