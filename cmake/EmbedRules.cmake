# Embeds rule files into the binary so `skillscore` runs with nothing beside it.
# Each file becomes a raw byte array; the profile name is the file's stem.
function(skillscore_embed_rules)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  # The list travels '|'-separated: a ';' would split the shell command.
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} -DFILES=${files_arg}
            -P ${CMAKE_SOURCE_DIR}/cmake/GenerateEmbedded.cmake
    DEPENDS ${ARG_FILES} ${CMAKE_SOURCE_DIR}/cmake/GenerateEmbedded.cmake
    COMMENT "Embedding rule files"
    VERBATIM)
endfunction()
