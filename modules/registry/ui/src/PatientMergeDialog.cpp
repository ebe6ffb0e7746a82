#include "PatientMergeDialog.h"

#include "PatientSearchController.h"
#include "PatientText.h"
#include "mdp/registry/Registry.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mdp::registry::ui {

PatientMergeDialog::PatientMergeDialog(registry::Registry &registry, registry::PatientSearch &search,
                                       registry::SearchFilter filter, QString actorId, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_search(search)
    , m_filter(std::move(filter))
    , m_actor(std::move(actorId))
    , m_controller(nullptr)
    , m_searchRow(new QWidget(this))
    , m_searchEdit(new QLineEdit(m_searchRow))
    , m_searchResults(new QListWidget(m_searchRow))
    , m_keepGroup(new QButtonGroup(this))
    , m_reason(new QLineEdit(this))
    , m_override(
          new QCheckBox(tr("Merge although the verified resident IDs differ (data manager, audited)"), this))
    , m_problem(workbench::makeMessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge patient records"));
    setMinimumWidth(720);
    m_searchEdit->setObjectName(QStringLiteral("mergeSearchEdit"));
    m_searchResults->setObjectName(QStringLiteral("mergeSearchResults"));
    m_reason->setObjectName(QStringLiteral("mergeReasonEdit"));
    m_problem->setObjectName(QStringLiteral("mergeProblem"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("mergeOkButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Merge patient records"),
        tr("The events, files and identifiers of the merged record move to the record that is kept. "
           "The merge is recorded and can be undone."),
        this));

    auto *searchLayout = new QVBoxLayout(m_searchRow);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->setSpacing(6);
    m_searchEdit->setPlaceholderText(tr("Find the other record: pseudonymous ID, name or pinyin"));
    m_searchEdit->addAction(workbench::Theme::icon(QStringLiteral("search"), workbench::Theme::muted()),
                            QLineEdit::LeadingPosition);
    m_searchResults->setMaximumHeight(120);
    searchLayout->addWidget(m_searchEdit);
    searchLayout->addWidget(m_searchResults);
    m_searchRow->hide();
    layout->addWidget(m_searchRow);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    for (int side = 0; side < 2; ++side) {
        auto *card = workbench::makeCard(this);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(16, 12, 16, 12);
        m_keep[side] = new QRadioButton(side == 0 ? tr("Keep this record") : tr("Keep this record"), card);
        m_keep[side]->setObjectName(side == 0 ? QStringLiteral("keepAButton")
                                              : QStringLiteral("keepBButton"));
        m_keepGroup->addButton(m_keep[side], side);
        m_cards[side] = new QLabel(card);
        m_cards[side]->setObjectName(side == 0 ? QStringLiteral("mergeCardA") : QStringLiteral("mergeCardB"));
        m_cards[side]->setTextFormat(Qt::RichText);
        m_cards[side]->setWordWrap(true);
        m_cards[side]->setMinimumHeight(96);
        m_cards[side]->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        cardLayout->addWidget(m_keep[side]);
        cardLayout->addWidget(m_cards[side], 1);
        cards->addWidget(card, 1);
    }
    m_keep[0]->setChecked(true);
    layout->addLayout(cards);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(14);
    m_reason->setPlaceholderText(tr("Required, e.g. \"same person: ID card checked at the desk\""));
    form->addRow(tr("Reason"), m_reason);
    m_override->setObjectName(QStringLiteral("mergeOverrideBox"));
    m_override->hide();
    form->addRow(QString(), m_override);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    m_controller = new PatientSearchController(
        [this](const QString &query) { return m_search.search(query, 20, m_filter); }, this);
    connect(m_searchEdit, &QLineEdit::textEdited, m_controller, &PatientSearchController::setQuery);
    connect(m_controller, &PatientSearchController::resultsReady, this,
            [this](const QString &, const QList<registry::PatientHit> &hits) { showHits(hits); });
    connect(m_controller, &PatientSearchController::cleared, m_searchResults, &QListWidget::clear);
    connect(m_controller, &PatientSearchController::failed, this,
            [this](const QString &, const QString &message) {
                workbench::showMessage(m_problem, workbench::Severity::Error, message);
            });
    connect(m_searchResults, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            chooseOther(item->data(Qt::UserRole).toUuid());
    });
    connect(m_reason, &QLineEdit::textChanged, this, &PatientMergeDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PatientMergeDialog::merge);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showPatient(0, std::nullopt);
    showPatient(1, std::nullopt);
    updateButtons();
}

void PatientMergeDialog::showPatient(int side, const std::optional<registry::Patient> &patient)
{
    (side == 0 ? m_a : m_b) = patient;
    if (!patient) {
        m_cards[side]->setText(QStringLiteral("<span style=\"color:#5f6b7a\">%1</span>")
                                   .arg(tr("Choose the other record above.").toHtmlEscaped()));
        updateButtons();
        return;
    }
    const registry::Patient &p = *patient;
    QString html = QStringLiteral("<div style=\"font-size:12pt; font-weight:600; color:#10263b\">%1</div>")
                       .arg(p.pseudonymId.toHtmlEscaped());
    auto line = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<div><span style=\"color:#5f6b7a\">%1</span> %2</div>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    if (m_filter.identityVisible)
        line(tr("Name:"), p.name.display());
    line(tr("Sex:"), PatientText::sexName(p.sex));
    if (m_filter.identityVisible)
        line(tr("Birth date:"), p.birthDate.toString(Qt::ISODate));
    for (const registry::PatientIdentifier &id : p.identifiers)
        line(PatientText::identifierTypeName(id.type) + tr(":"),
             id.masked() + (id.verified ? tr(" (verified)") : QString()));
    line(tr("Registered:"), workbench::formatDateTime(p.created));
    if (p.isMerged())
        line(tr("State:"), tr("already merged into another record"));
    m_cards[side]->setText(html);
    updateButtons();
}

void PatientMergeDialog::setPair(const QUuid &a, const QUuid &b)
{
    m_searchRow->hide();
    auto pa = m_registry.patient(m_actor, a);
    auto pb = m_registry.patient(m_actor, b);
    showPatient(0, pa ? std::optional(pa.value()) : std::nullopt);
    showPatient(1, pb ? std::optional(pb.value()) : std::nullopt);
    if (!pa || !pb)
        workbench::showMessage(m_problem, workbench::Severity::Error,
                               (!pa ? pa.error() : pb.error()).message);
}

void PatientMergeDialog::setCurrent(const QUuid &current)
{
    auto p = m_registry.patient(m_actor, current);
    showPatient(0, p ? std::optional(p.value()) : std::nullopt);
    showPatient(1, std::nullopt);
    m_searchRow->show();
    m_searchEdit->setFocus();
}

void PatientMergeDialog::searchOther(const QString &text)
{
    m_searchEdit->setText(text);
    m_controller->setQuery(text);
    m_controller->flush();
}

void PatientMergeDialog::showHits(const QList<registry::PatientHit> &hits)
{
    m_searchResults->clear();
    for (const registry::PatientHit &hit : hits) {
        if (m_a && hit.patientId == m_a->id)
            continue;
        QString label = hit.pseudonymId;
        if (!hit.displayName.isEmpty())
            label += QStringLiteral("  ·  ") + hit.displayName;
        label += QStringLiteral("  ·  ") + PatientText::sexName(hit.sex);
        if (m_filter.identityVisible && hit.birthDate.isValid())
            label += QStringLiteral("  ·  ") + hit.birthDate.toString(Qt::ISODate);
        auto *item =
            new QListWidgetItem(workbench::Theme::icon(QStringLiteral("user")), label, m_searchResults);
        item->setData(Qt::UserRole, hit.patientId);
    }
}

bool PatientMergeDialog::chooseOther(const QUuid &patientId)
{
    auto p = m_registry.patient(m_actor, patientId);
    if (!p) {
        workbench::showMessage(m_problem, workbench::Severity::Error, p.error().message);
        return false;
    }
    showPatient(1, p.value());
    return true;
}

void PatientMergeDialog::setSurvivor(const QUuid &patientId)
{
    if (m_b && m_b->id == patientId)
        m_keep[1]->setChecked(true);
    else
        m_keep[0]->setChecked(true);
}

void PatientMergeDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void PatientMergeDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_a && m_b && m_a->id != m_b->id && !m_reason->text().trimmed().isEmpty());
}

void PatientMergeDialog::merge()
{
    if (!m_a || !m_b)
        return;
    const bool keepA = m_keepGroup->checkedId() != 1;
    const QUuid survivor = keepA ? m_a->id : m_b->id;
    const QUuid merged = keepA ? m_b->id : m_a->id;
    std::optional<registry::MergeOverride> mergeOverride;
    if (m_override->isVisible() && m_override->isChecked())
        mergeOverride = registry::MergeOverride{m_reason->text().trimmed()};
    auto record = m_registry.merge(m_actor, survivor, merged, m_reason->text(), mergeOverride);
    if (!record) {
        // Different verified IDs say two people: the service refuses; a data manager may decide
        // otherwise (the service checks the role again).
        if (record.error().code == Error::Code::Conflict && !mergeOverride)
            m_override->show();
        workbench::showMessage(m_problem, workbench::Severity::Error, record.error().message);
        return;
    }
    m_record = record.value();
    accept();
}

} // namespace mdp::registry::ui
