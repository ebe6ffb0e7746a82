#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/FormRecord.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QLabel;
class QTableWidget;

namespace mdp::forms::ui {

// Every version of a form record (R-6.1.1d, R-6.2.2d): who, when, why and which transition, and for
// the version chosen its changes against the one before it, or between two versions chosen together
// (R-6.2.4b), field by field.
class FormHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    FormHistoryDialog(forms::FormDefinition definition, QList<forms::RecordVersion> versions,
                      QHash<QString, QString> userNames, const QString &language, QWidget *parent = nullptr);

    QTableWidget *versionTable() const { return m_versions; }
    QTableWidget *diffTable() const { return m_diff; }
    // Selects the versions at these rows (one row: compared with the version before it).
    void selectRows(const QList<int> &rows);

    static QString transitionName(forms::Transition transition);
    static QString statusName(forms::RecordStatus status);

private:
    void showDiff();

    forms::FormDefinition m_definition;
    QList<forms::RecordVersion> m_history;
    QHash<QString, QString> m_userNames;
    QString m_language;
    QTableWidget *m_versions;
    QTableWidget *m_diff;
    QLabel *m_diffTitle;
};

} // namespace mdp::forms::ui
