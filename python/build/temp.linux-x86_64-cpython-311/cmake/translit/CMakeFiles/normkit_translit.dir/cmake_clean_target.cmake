file(REMOVE_RECURSE
  "libnormkit_translit.a"
)
