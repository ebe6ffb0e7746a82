#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/RecordDiff.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace mdp::forms::ui {

// Field-level differences between two versions of a record (R-6.2.4b): one row per changed field
// with its label, the value before and after as people read them, coloured by kind (added, removed,
// changed). When there is nothing to compare with (no formal version yet, a first submission) it
// says so instead of showing an empty table, so "no baseline" never looks like "no change".
class RecordDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit RecordDiffView(QWidget *parent = nullptr);

    // Compares `before` with `after` under `definition` (diffRecords) and shows each change;
    // `language` is "zh_CN" or "en" and picks labels and option texts. `beforeTitle` and
    // `afterTitle` head the value columns ("Formal version 2", "Submitted").
    void showDiff(const FormDefinition &definition, const QJsonObject &before, const QJsonObject &after,
                  const QString &language, const QString &beforeTitle = {}, const QString &afterTitle = {});
    void showChanges(const FormDefinition &definition, const QList<FieldChange> &changes,
                     const QString &language, const QString &beforeTitle = {},
                     const QString &afterTitle = {});
    // Nothing to compare with: `message` takes the table's place.
    void showNoBaseline(const QString &message);
    void clear();

    bool hasBaseline() const { return m_hasBaseline; }
    const QList<FieldChange> &changes() const { return m_changes; }
    QTableWidget *table() const { return m_table; }
    QString summary() const;

    // "Total dose", or "Cycles #2 › Dose" for "cycles[1].dose"; the path itself when unknown.
    static QString fieldLabel(const FormDefinition &definition, const QString &path, QStringView language);
    // The value under `path` as displayValue() shows it; group rows as "member: value; ...".
    static QString valueText(const FormDefinition &definition, const QString &path, const QJsonValue &value,
                             QStringView language);
    static QString kindText(FieldChange::Kind kind);

private:
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QTableWidget *m_table;
    QLabel *m_empty;
    QList<FieldChange> m_changes;
    bool m_hasBaseline = false;
};

} // namespace mdp::forms::ui
