#pragma once

#include <QDateTime>
#include <QString>

namespace mdp::viewer {

// One preview of one attachment, as handed to the audit. Carries ids only: the file name may name a
// patient and stays out.
struct DocumentViewEvent
{
    QString documentId;
    QString mediaType; // the resolved type ("application/pdf"); the declared one when unresolved
    QString userName;
    QDateTime at; // UTC, from the viewer's clock
    int pageCount = 0;
};

} // namespace mdp::viewer
