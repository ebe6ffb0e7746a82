#pragma once

#include "mdp/viewer/ViewerIdentity.h"

#include <QDateTime>
#include <QString>

namespace mdp::viewer {

// The text stamped over every previewed document: who looks and when, so a photographed or
// screen-captured page points back to its viewer.
class Watermark
{
public:
    // "Li Wei · liwei · 2026-03-02 16:00" (local time of the workstation). A missing display name
    // is left out rather than shown empty.
    static QString text(const ViewerIdentity &viewer, const QDateTime &at);
};

} // namespace mdp::viewer
