file(REMOVE_RECURSE
  "libnormkit_cli_lib.a"
)
