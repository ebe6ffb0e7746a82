#include "mdp/workbench/TotpEnrolmentWidget.h"

#include "mdp/accounts/TotpEnrolment.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QAction>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace mdp::workbench {

TotpEnrolmentWidget::TotpEnrolmentWidget(QWidget *parent)
    : QWidget(parent)
    , m_secret(new QLabel(this))
    , m_uri(new QLineEdit(this))
    , m_parameters(new QLabel(this))
    , m_code(new QLineEdit(this))
{
    m_secret->setObjectName(QStringLiteral("totpSecret"));
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(QStringLiteral("Noto Sans Mono CJK SC"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(13);
    mono.setWeight(QFont::DemiBold);
    mono.setLetterSpacing(QFont::AbsoluteSpacing, 1);
    m_secret->setFont(mono);
    m_secret->setWordWrap(true);
    m_uri->setObjectName(QStringLiteral("totpUri"));
    m_uri->setReadOnly(true);
    m_uri->setCursorPosition(0);
    QAction *copy =
        m_uri->addAction(Theme::icon(QStringLiteral("copy"), Theme::muted()), QLineEdit::TrailingPosition);
    copy->setToolTip(tr("Copy the link"));
    connect(copy, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(m_uri->text()); });
    m_parameters->setObjectName(QStringLiteral("muted"));
    m_code->setObjectName(QStringLiteral("enrolmentCodeEdit"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setMaxLength(8);
    m_code->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), m_code));
    m_code->setMaximumWidth(160);
    connect(m_code, &QLineEdit::returnPressed, this, &TotpEnrolmentWidget::codeEntered);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(makeLabel(tr("1. In your authenticator app, add an account by entering this key "
                                   "manually (time-based):"),
                                QStringLiteral("factValue"), this));
    layout->addWidget(m_secret);
    layout->addWidget(m_parameters);
    layout->addWidget(makeLabel(tr("Or paste this link into an app that accepts otpauth links:"),
                                QStringLiteral("muted"), this));
    layout->addWidget(m_uri);
    layout->addWidget(
        makeLabel(tr("2. Enter the code the app now shows:"), QStringLiteral("factValue"), this));
    layout->addWidget(m_code);
}

QString TotpEnrolmentWidget::groupSecret(const QString &secret)
{
    QString grouped;
    for (qsizetype i = 0; i < secret.size(); i += 4) {
        if (!grouped.isEmpty())
            grouped += u' ';
        grouped += secret.mid(i, 4);
    }
    return grouped;
}

void TotpEnrolmentWidget::setEnrolment(const accounts::TotpEnrolment &enrolment)
{
    m_secret->setText(groupSecret(enrolment.secretBase32));
    m_uri->setText(enrolment.provisioningUri);
    m_uri->setCursorPosition(0);
    m_parameters->setText(tr("Algorithm %1 · %2 digits · new code every %3 seconds")
                              .arg(accounts::totpAlgorithmName(enrolment.parameters.algorithm))
                              .arg(enrolment.parameters.digits)
                              .arg(enrolment.parameters.periodSeconds));
    m_code->clear();
}

void TotpEnrolmentWidget::clear()
{
    m_secret->clear();
    m_uri->clear();
    m_parameters->clear();
    m_code->clear();
}

QString TotpEnrolmentWidget::code() const
{
    return m_code->text().trimmed();
}

} // namespace mdp::workbench
