/**
 * Custom posture checks: checks users write in YAML with CEL conditions and load with {@code --checks FILE|DIR},
 * without recompiling Vigil. Format and variables: docs/posture-custom-checks.md.
 *
 * <p>Stages: {@link dev.vigil.posture.custom.YamlTreeReader} reads a file into positioned nodes;
 * {@code CheckDefinitionReader} validates one check's keys and fields; {@code ExpressionCompiler} compiles and
 * type-checks its CEL expressions; {@link dev.vigil.posture.custom.CustomCheckLoader} ties them together, collecting
 * every {@link dev.vigil.posture.custom.CustomCheckError}; {@link dev.vigil.posture.custom.CustomCheck} evaluates
 * with the values {@code CelVariables} and {@code CelValues} build from the estate (bounded: resource data is
 * attacker-controlled).
 */
package dev.vigil.posture.custom;
