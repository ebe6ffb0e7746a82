#pragma once

#include "mdp/registry/EventVersion.h"

#include <QDialog>
#include <QHash>
#include <QList>

#include <functional>

class QPushButton;
class QTableView;
class QTableWidget;

namespace mdp::registry::ui {

class PatientEventFieldsModel;

// Every version of one event (R-6.1.2: changes versioned and traceable): what changed, when, by
// whom and why, with the selected version's content beside; an older version can be restored, which
// makes a new version with that content.
class PatientHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    using Restore = std::function<bool(int version)>;

    PatientHistoryDialog(QList<registry::EventVersion> versions, QHash<QString, QString> userNames,
                         Restore restore, QWidget *parent = nullptr);

    int versionCount() const { return int(m_versions.size()); }
    void selectVersion(int version);
    int selectedVersion() const;

private:
    void showSelected();

    QList<registry::EventVersion> m_versions;
    QHash<QString, QString> m_userNames;
    Restore m_restore;
    QTableWidget *m_table;
    PatientEventFieldsModel *m_fields;
    QTableView *m_content;
    QPushButton *m_restoreButton;
};

} // namespace mdp::registry::ui
