#include "UltrasoundPicture.h"

#include "NoiseTable.h"

#include "mdp/cohort/CohortRandom.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace mdp::cohort {

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 480;
constexpr double kPi = 3.14159265358979323846;

// Two-pass box blur on a float field: turns white noise into speckle-sized blobs.
void blur(std::vector<float> &field, int w, int h, int radius)
{
    std::vector<float> tmp(field.size());
    for (int y = 0; y < h; ++y) {
        double sum = 0;
        for (int x = -radius; x <= radius; ++x)
            sum += field[size_t(y * w + std::clamp(x, 0, w - 1))];
        for (int x = 0; x < w; ++x) {
            tmp[size_t(y * w + x)] = float(sum / (2 * radius + 1));
            sum += field[size_t(y * w + std::min(x + radius + 1, w - 1))] -
                   field[size_t(y * w + std::max(x - radius, 0))];
        }
    }
    for (int x = 0; x < w; ++x) {
        double sum = 0;
        for (int y = -radius; y <= radius; ++y)
            sum += tmp[size_t(std::clamp(y, 0, h - 1) * w + x)];
        for (int y = 0; y < h; ++y) {
            field[size_t(y * w + x)] = float(sum / (2 * radius + 1));
            sum += tmp[size_t(std::min(y + radius + 1, h - 1) * w + x)] -
                   tmp[size_t(std::max(y - radius, 0) * w + x)];
        }
    }
}

} // namespace

QImage UltrasoundPicture::render(quint64 seed, int lesionMm, bool left)
{
    CohortRandom random(seed);
    const int w = kWidth;
    const int h = kHeight;
    NoiseTable rayleigh(
        random, [](CohortRandom &r) { return float(std::sqrt(-2.0 * std::log(std::max(1e-9, r.real())))); });
    // Speckle: Rayleigh-distributed noise, slightly smoothed.
    std::vector<float> speckle(size_t(w * h));
    for (float &v : speckle)
        v = rayleigh.next();
    blur(speckle, w, h, 1);
    // Tissue texture: low-frequency lobules of fat and gland, rescaled to 0..1.
    std::vector<float> lobules(size_t(w * h));
    for (float &v : lobules)
        v = float(random.real());
    blur(lobules, w, h, 7);
    blur(lobules, w, h, 7);
    double mean = 0, var = 0;
    for (float v : lobules)
        mean += v;
    mean /= double(lobules.size());
    for (float v : lobules)
        var += (v - mean) * (v - mean);
    const double sd = std::sqrt(var / double(lobules.size()));
    for (float &v : lobules)
        v = float(std::clamp(0.5 + (v - mean) / (4 * sd), 0.0, 1.0));

    // Depth setting follows the mass as a sonographer would (4 to 9 cm); a mass wider than most of
    // the probe is shown in part and the caliper reads the part shown.
    const int top = 40;
    const double fovMm = std::clamp(lesionMm * 2.2, 40.0, 90.0);
    const double pxPerMm = (h - top - 10) / fovMm;
    const double shownMm = std::min(double(lesionMm), 0.6 * w / pxPerMm);
    const double skin = top + 1.0 * pxPerMm;
    const double fatBase = skin + random.uniformReal(4, 7) * pxPerMm;
    const double glandBase = fatBase + random.uniformReal(0.38, 0.48) * (h - fatBase);
    const double muscleThickness = random.uniformReal(5, 8) * pxPerMm;
    const double lesionR = shownMm * pxPerMm / 2.0;
    const double aspect = random.uniformReal(0.55, 0.75); // wider than tall
    const double cx = w * random.uniformReal(0.42, 0.58);
    const double cy = std::clamp((fatBase + glandBase) / 2 + random.uniformReal(-10, 10),
                                 fatBase + lesionR * aspect * 0.6, h - lesionR * aspect - 40);
    double amp[5], phase[5];
    for (int k = 0; k < 5; ++k) {
        amp[k] = random.uniformReal(0.04, 0.11) / (1 + k * 0.25);
        phase[k] = random.uniformReal(0, 2 * kPi);
    }
    // The outline radius by angle, tabulated (1024 steps around the circle).
    std::array<double, 1024> outline{};
    for (size_t i = 0; i < outline.size(); ++i) {
        const double theta = -kPi + 2 * kPi * double(i) / double(outline.size());
        double edge = 1.0;
        for (int k = 0; k < 5; ++k)
            edge += amp[k] * std::sin((k + 3) * theta + phase[k]);
        outline[i] = edge;
    }
    const double wave1 = random.uniformReal(0, 2 * kPi);
    const double wave2 = random.uniformReal(0, 2 * kPi);
    // Interfaces undulate across the image.
    std::vector<double> fatDepth(static_cast<size_t>(w)), glandDepth(static_cast<size_t>(w)),
        muscleDepth(static_cast<size_t>(w));
    for (int x = 0; x < w; ++x) {
        fatDepth[size_t(x)] = fatBase + 10 * std::sin(x * 0.011 + wave1) + 5 * std::sin(x * 0.037 + wave2);
        glandDepth[size_t(x)] =
            glandBase + 14 * std::sin(x * 0.008 + wave2) + 6 * std::sin(x * 0.029 + wave1);
        muscleDepth[size_t(x)] = glandDepth[size_t(x)] + muscleThickness + 4 * std::sin(x * 0.005 + wave1);
    }

    QImage img(w, h, QImage::Format_Grayscale8);
    img.fill(0);
    const double shadowHalf = lesionR * 0.7;
    for (int y = top; y < h - 8; ++y) {
        uchar *line = img.scanLine(y);
        const double gain = 1.0 - 0.4 * (y - top) / double(h - top); // attenuation with depth
        for (int x = 8; x < w - 8; ++x) {
            const size_t i = size_t(y * w + x);
            const double lob = lobules[i];
            const double smooth = lob * lob * (3 - 2 * lob);
            double v;
            if (y < skin)
                v = 0.95;
            else if (y < fatDepth[size_t(x)])
                v = 0.2 + 0.2 * smooth + (std::abs(lob - 0.5) < 0.025 ? 0.3 : 0.0); // fat lobules, septa
            else if (y < glandDepth[size_t(x)])
                v = 0.3 + 0.55 * (1 - smooth); // fibroglandular tissue with islands of fat
            else if (y < muscleDepth[size_t(x)])
                v = 0.35 + 0.25 * ((int(y * 0.2 + x * 0.02 + lob * 3) & 1)); // striated pectoralis
            else if (std::abs(y - muscleDepth[size_t(x)] - 9 * pxPerMm) < 2.2)
                v = 0.75; // pleural line
            else
                v = 0.1 + 0.12 * lob;
            const double dx = (x - cx) / lesionR;
            const double dy = (y - cy) / (lesionR * aspect);
            const double r2 = dx * dx + dy * dy;
            if (r2 < 1.6) {
                const double r = std::sqrt(r2);
                const double theta = std::atan2(dy, dx);
                const double edge = outline[size_t((theta + kPi) / (2 * kPi) * 1023.999)];
                if (r < edge)
                    v = 0.07 + 0.16 * smooth; // hypoechoic with faint internal echoes
                else if (r < edge * 1.07)
                    v = std::max(v, 0.5 + 0.25 * (1 - (r - edge) / (0.07 * edge))); // echogenic rim
            }
            const double off = std::abs(x - cx) / shadowHalf;
            if (off < 1.3) {
                // Posterior acoustic shadowing below the mass, soft at its edges.
                const double u = std::min(1.0, std::abs(x - cx) / lesionR);
                if (y > cy + lesionR * aspect * std::sqrt(1 - u * u))
                    v *= 0.35 + 0.65 * std::clamp((off - 0.8) / 0.5, 0.0, 1.0);
            }
            const double s = v * gain * speckle[i] * 0.8;
            line[x] = uchar(std::clamp(s * 255.0, 0.0, 255.0));
        }
    }

    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QFont f(QStringLiteral("Noto Sans CJK SC"));
    f.setPixelSize(13);
    p.setFont(f);
    p.setPen(QColor(230, 230, 230));
    const QString sideText = left ? QStringLiteral("LT") : QStringLiteral("RT");
    p.drawText(QPoint(14, 20), QStringLiteral("MDP DEMO  L12-5  BREAST %1").arg(sideText));
    p.drawText(QPoint(w - 150, 20), QStringLiteral("12 MHz  G 56  %1 cm").arg(fovMm / 10.0, 0, 'f', 1));
    p.drawText(QPoint(14, h - 14), QStringLiteral("%1 %2:00  %3 cm FN")
                                       .arg(sideText)
                                       .arg(random.uniform(1, 12))
                                       .arg(random.uniform(2, 5)));
    for (int mm = 0; mm * pxPerMm + top < h - 12; mm += 5) {
        const int y = int(top + mm * pxPerMm);
        p.drawLine(w - 18, y, w - (mm % 10 == 0 ? 6 : 12), y);
    }
    p.setPen(QPen(QColor(255, 230, 80), 1.5));
    const QPointF a(std::max(12.0, cx - lesionR), cy), b(std::min(w - 22.0, cx + lesionR), cy);
    for (const QPointF &c : {a, b}) {
        p.drawLine(c + QPointF(-5, 0), c + QPointF(5, 0));
        p.drawLine(c + QPointF(0, -5), c + QPointF(0, 5));
    }
    p.setPen(QPen(QColor(255, 230, 80), 1, Qt::DotLine));
    p.drawLine(a, b);
    p.setPen(QColor(255, 230, 80));
    p.drawText(QPoint(14, h - 34), QStringLiteral("D1 %1 mm").arg((b.x() - a.x()) / pxPerMm, 0, 'f', 1));
    p.setBrush(QColor(230, 230, 230));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(24, 34), 4, 4);
    p.end();
    return img;
}

} // namespace mdp::cohort
