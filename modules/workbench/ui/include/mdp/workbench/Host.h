#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

class QWidget;

namespace mdp::workbench {

class Contributions;
class SessionContext;

// What a feature's screens may ask of the window that hosts them. The shell implements it; tests
// may implement it with a bare widget.
class Host
{
public:
    virtual ~Host() = default;

    virtual SessionContext &context() = 0;
    virtual const Contributions &contributions() const = 0;
    // The top-level window, parent for dialogs.
    virtual QWidget *window() = 0;
    // Pages the signed-in account sees; null or false for the others.
    virtual QWidget *page(const QString &id) const = 0;
    virtual bool showPage(const QString &id) = 0;
    // Opens an object through the link handlers of its kind; false when none accepted it.
    virtual bool open(const QString &kind, const QString &id, const QVariantMap &hints = {}) = 0;

    // The signed-in account's role ids.
    QStringList roles() const;
    // A page of type T, when the account sees it.
    template<typename T> T *pageAs(const QString &id) const { return qobject_cast<T *>(page(id)); }
};

} // namespace mdp::workbench
