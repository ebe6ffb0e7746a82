#pragma once

#include "mdp/deid/Identifiers.h"
#include "mdp/deid/TextDeidentifier.h"

namespace mdp::deid::detail {

// findCheckableIdentifiers() on text already width-folded (text::foldWidth keeps positions).
QList<Finding> findCheckableInFolded(QStringView folded, const Clock &clock);

// Every identifier of the kinds in `kinds`, in order, not overlapping. Where two candidates
// overlap, the stronger evidence wins: a labelled number over a checked one, those over the
// number forms, dates and ages over words, and among words the longer span.
QList<Finding> findFreeTextIdentifiers(QStringView original, KindSet kinds, const Clock &clock);

} // namespace mdp::deid::detail
