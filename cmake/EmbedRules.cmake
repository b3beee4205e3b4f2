# Embeds rule files into the binary so `skillscore` runs with nothing beside
# it: each as its YAML text and as the tree yaml-cpp reads from it, written
# by tools/compile_rules.cpp. The profile name is the file's stem.
function(skillscore_embed_rules)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
    COMMAND skillscore_compile_rules ${ARG_OUTPUT} ${ARG_FILES}
    DEPENDS skillscore_compile_rules ${ARG_FILES}
    COMMENT "Compiling the built-in rule files"
    VERBATIM)
endfunction()
