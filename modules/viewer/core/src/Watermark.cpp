#include "mdp/viewer/Watermark.h"

namespace mdp::viewer {

QString Watermark::text(const ViewerIdentity &viewer, const QDateTime &at)
{
    const QString separator = QStringLiteral(" \u00b7 ");
    QStringList parts;
    if (!viewer.displayName.trimmed().isEmpty())
        parts << viewer.displayName.trimmed();
    if (!viewer.userName.trimmed().isEmpty())
        parts << viewer.userName.trimmed();
    parts << at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return parts.join(separator);
}

} // namespace mdp::viewer
