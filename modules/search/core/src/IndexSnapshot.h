#pragma once

#include "IndexSegment.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace mdp::search {

// What one search reads: the base segment, the delta segment of records changed since the base was
// built, and which base documents those changes replace. Immutable; a search keeps its snapshot
// alive, so the index can be changed or rebuilt while searches run.
struct IndexSnapshot
{
    std::shared_ptr<const IndexSegment> base;              // never null (empty before the first build)
    std::shared_ptr<const IndexSegment> delta;             // null when nothing changed since the build
    std::shared_ptr<const std::vector<bool>> baseReplaced; // indexed by base document

    int segmentCount() const { return delta ? 2 : 1; }
    const IndexSegment &segment(int i) const { return i == 0 ? *base : *delta; }
    bool isReplaced(int segment, qint32 doc) const
    {
        return segment == 0 && baseReplaced && (*baseReplaced)[std::size_t(doc)];
    }
    qsizetype liveCount() const
    {
        qsizetype n = base->docCount();
        if (baseReplaced)
            n -= qsizetype(std::count(baseReplaced->begin(), baseReplaced->end(), true));
        if (delta)
            n += delta->docCount();
        return n;
    }
};

} // namespace mdp::search
