#pragma once

#include <QList>

#include <cmath>
#include <initializer_list>
#include <random>

namespace mdp::cohort {

// Deterministic draws for the generator. The engine is mt19937_64 (its output is fixed by the C++
// standard); the distributions are our own because the standard library's are not specified
// bit-for-bit and differ between implementations, which would change cohorts between machines.
class CohortRandom
{
public:
    explicit CohortRandom(quint64 seed)
        : m_engine(seed)
    {}

    // A seed for a sub-stream (one patient, one picture) that does not depend on other draws.
    static quint64 mix(quint64 a, quint64 b)
    {
        // splitmix64 finaliser over the combination
        quint64 z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    quint64 next() { return m_engine(); }
    // Uniform in [0, 1).
    double real() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform integer in [low, high].
    int uniform(int low, int high)
    {
        if (high <= low)
            return low;
        const quint64 span = quint64(high - low) + 1;
        return low + int(next() % span); // span is tiny against 2^64: bias is negligible
    }
    double uniformReal(double low, double high) { return low + (high - low) * real(); }
    bool chance(double p) { return real() < p; }
    // Box-Muller.
    double normal(double mean, double sd)
    {
        double u1 = real();
        if (u1 < 1e-300)
            u1 = 1e-300;
        const double u2 = real();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Index chosen with the given relative weights.
    int weighted(std::initializer_list<double> weights) { return weightedOf(weights); }
    template<typename Range> int weightedOf(const Range &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = real() * total;
        int i = 0;
        int lastPositive = 0;
        for (double w : weights) {
            if (w > 0) {
                if (r < w)
                    return i;
                lastPositive = i;
            }
            r -= w;
            ++i;
        }
        return lastPositive; // only reached through rounding
    }
    template<typename T> const T &pick(const QList<T> &items)
    {
        return items.at(uniform(0, int(items.size()) - 1));
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace mdp::cohort
