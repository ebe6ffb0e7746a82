#include "ClassificationDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdp::policy::ui {

ClassificationDialog::ClassificationDialog(Purpose purpose, const QString &subject,
                                           const Classification &initial, int floor, QWidget *parent)
    : QDialog(parent)
    , m_category(new QComboBox(this))
    , m_subKind(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("classificationDialog"));
    setWindowTitle(purpose == Purpose::Request ? tr("Request a classification") : tr("Review a request"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(subject, this);
    what->setWordWrap(true);
    what->setObjectName(QStringLiteral("subjectLabel"));
    layout->addWidget(what);

    auto *form = new QFormLayout;
    m_category->setObjectName(QStringLiteral("categoryBox"));
    for (const Category c : allCategories())
        m_category->addItem(categoryDisplayName(c), categoryId(c));
    m_category->setCurrentIndex(m_category->findData(categoryId(initial.category)));
    form->addRow(tr("&Category"), m_category);
    m_subKind->setObjectName(QStringLiteral("subKindBox"));
    form->addRow(tr("&Sub-kind"), m_subKind);
    m_level->setObjectName(QStringLiteral("levelBox"));
    for (int l = std::max(floor, kMinLevel); l <= kMaxLevel; ++l)
        m_level->addItem(levelDisplayName(l), l);
    m_level->setCurrentIndex(std::max(0, m_level->findData(std::max(initial.level, floor))));
    form->addRow(tr("&Level"), m_level);
    m_text->setObjectName(QStringLiteral("reasonEdit"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(purpose == Purpose::Request
                                   ? tr("Why this classification (required; kept in the audit trail without "
                                        "patient identifiers)")
                                   : tr("Your review note (required)"));
    m_text->setFixedHeight(90);
    form->addRow(purpose == Purpose::Request ? tr("&Reason") : tr("&Note"), m_text);
    layout->addLayout(form);
    if (floor > kMinLevel) {
        auto *floorNote = new QLabel(
            tr("This subject identifies a person or is restricted: it cannot go below level %1.").arg(floor),
            this);
        floorNote->setWordWrap(true);
        floorNote->setObjectName(QStringLiteral("floorNote"));
        layout->addWidget(floorNote);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(purpose == Purpose::Request ? tr("Submit request") : tr("Accept"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ClassificationDialog::fillSubKinds);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ClassificationDialog::updateOk);
    fillSubKinds();
    m_subKind->setCurrentIndex(std::max(0, m_subKind->findData(initial.subKind)));
    updateOk();
}

void ClassificationDialog::fillSubKinds()
{
    const auto category = categoryFromId(m_category->currentData().toString());
    m_subKind->clear();
    m_subKind->addItem(tr("(none)"), QString());
    if (!category)
        return;
    for (const QString &kind : subKinds(*category))
        m_subKind->addItem(subKindDisplayName(kind), kind);
}

void ClassificationDialog::updateOk()
{
    m_ok->setEnabled(!m_text->toPlainText().trimmed().isEmpty());
}

Classification ClassificationDialog::classification() const
{
    Classification c;
    c.category = categoryFromId(m_category->currentData().toString()).value_or(Category::HealthStatus);
    c.subKind = m_subKind->currentData().toString();
    c.level = m_level->currentData().toInt();
    c.ruleId = QStringLiteral("manual");
    return c;
}

QString ClassificationDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

} // namespace mdp::policy::ui
