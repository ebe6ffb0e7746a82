# Read by cpack after CPackConfig.cmake (CPACK_PROJECT_CONFIG_FILE). CPackDeb puts
# CPACK_PACKAGE_DESCRIPTION_SUMMARY (the workstation's synopsis) in front of a component's own
# description unless it equals this default: the server package has a synopsis of its own. The
# workstation package, which has no description of its own, keeps the summary as before.
set(CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}")
