// The one table of metric kinds. Adding a kind: ARCHITECTURE.md, "Adding a metric kind".
#include <stdexcept>
#include <vector>

#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

// In MetricKind order, which is also MetricSpec's order (checked by the loader).
const MetricKindDef* const k_kinds[] = {
    &k_search_kind, &k_count_kind,   &k_length_kind,  &k_field_kind,    &k_blocks_kind,
    &k_points_kind, &k_select_kind,  &k_formula_kind, &k_document_kind, &k_references_kind,
};

}  // namespace

std::span<const MetricKindDef* const> metric_kind_defs() { return k_kinds; }

const MetricKindDef& metric_kind_def(MetricKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  if (i >= std::size(k_kinds) || k_kinds[i]->kind != kind) throw std::logic_error("metric kind table out of order");
  return *k_kinds[i];
}

std::span<const KindInfo<MetricKind>> metric_kinds() {
  static const std::vector<KindInfo<MetricKind>> infos = [] {
    std::vector<KindInfo<MetricKind>> out;
    for (const auto* k : k_kinds) out.push_back({k->kind, k->name, k->description});
    return out;
  }();
  return infos;
}

}  // namespace skillscore::rules
