# Embeds config/rules/*.yaml into a generated C++ file: embedded_rule_files() in
# src/config/embedded_rules.hpp returns them as {name, text} pairs.
set(HOOKGUARD_RULES_DIR ${CMAKE_CURRENT_LIST_DIR}/../config/rules)

function(hookguard_embed_rules out)
  file(GLOB rule_files CONFIGURE_DEPENDS ${HOOKGUARD_RULES_DIR}/*.yaml)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DRULES_DIR=${HOOKGUARD_RULES_DIR}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_rules_script.cmake
    DEPENDS ${rule_files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_rules_script.cmake
    COMMENT "Embedding default rules")
endfunction()
