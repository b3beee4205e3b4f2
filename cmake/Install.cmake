# What `cmake --install` and the packages (scripts/package.sh: the tarball,
# and the .deb through CPack) carry: the binary, its man page and bash, zsh
# and fish completions (generated from the CLI definition by the binary
# itself, right after it is linked), the JSON schemas, README and LICENSE.
include(GNUInstallDirs)

set(SKILLSCORE_DOCS_DIR ${CMAKE_BINARY_DIR}/share)
set(SKILLSCORE_GENERATED
  ${SKILLSCORE_DOCS_DIR}/skillscore.1
  ${SKILLSCORE_DOCS_DIR}/skillscore.1.gz
  ${SKILLSCORE_DOCS_DIR}/skillscore.bash
  ${SKILLSCORE_DOCS_DIR}/_skillscore
  ${SKILLSCORE_DOCS_DIR}/skillscore.fish)
add_custom_command(TARGET skillscore POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory ${SKILLSCORE_DOCS_DIR}
  COMMAND sh -c "\"$1\" generate man > \"$2/skillscore.1\" && gzip -n -9 -c \"$2/skillscore.1\" > \"$2/skillscore.1.gz\" && \"$1\" generate bash > \"$2/skillscore.bash\" && \"$1\" generate zsh > \"$2/_skillscore\" && \"$1\" generate fish > \"$2/skillscore.fish\"" sh $<TARGET_FILE:skillscore> ${SKILLSCORE_DOCS_DIR}
  BYPRODUCTS ${SKILLSCORE_GENERATED}
  COMMENT "Generating the man page and shell completions"
  VERBATIM)

install(TARGETS skillscore RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${SKILLSCORE_DOCS_DIR}/skillscore.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${SKILLSCORE_DOCS_DIR}/skillscore.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME skillscore)
install(FILES ${SKILLSCORE_DOCS_DIR}/_skillscore DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${SKILLSCORE_DOCS_DIR}/skillscore.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/schema/ DESTINATION ${CMAKE_INSTALL_DATADIR}/skillscore/schema
        FILES_MATCHING PATTERN "*.json")
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The project has no LICENSE file yet: the slot is here for when it does.
if(EXISTS ${CMAKE_SOURCE_DIR}/LICENSE)
  install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

# The .deb (cpack -G DEB, from scripts/package.sh). The static binary needs no
# shared library, so the package depends on nothing.
set(CPACK_PACKAGE_NAME skillscore)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "skillscore")
set(CPACK_PACKAGE_CONTACT "skillscore maintainers <skillscore@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Scores agent skill documents (SKILL.md)")
set(CPACK_PACKAGE_DESCRIPTION "A fast command-line scorer for agent skill documents (SKILL.md files with YAML\n frontmatter): profiles of rules as data, the skill-fleet-v2 reference reproduced\n bit for bit, reports in JSON, SARIF, JUnit, Markdown, HTML and more.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/skillscore/skillscore")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)
