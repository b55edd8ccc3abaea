package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.FragmentKeys;
import io.larder.testsupport.DjangoPython;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link FragmentKeys} against real Django: Debian's 3.2 and 4.2 for the format of Django 6.0 and earlier,
 * and the values the spec verified on Django 6.1.1 for the current format.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class FragmentKeysDjangoTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  /** Each case: a Python literal of the vary-on list, and the same values in Java. */
  private static final List<Case> CASES =
      List.of(
          new Case("[]"),
          new Case("['abc']", "abc"),
          new Case("['abc', 'def']", "abc", "def"),
          new Case("['abc:def']", "abc:def"),
          new Case("['abc:def%']", "abc:def%"),
          new Case("[1, 2, 3, 4, 5]", 1, 2, 3, 4, 5),
          new Case("['42º', '😀']", "42º", "😀"),
          new Case("['x' * 10000]", "x".repeat(10000)),
          new Case("['with space', 'and\\ttab']", "with space", "and\ttab"),
          new Case("[None, True, False]", null, true, false),
          new Case(
              "[-7, 12345678901234567890]", -7L, new java.math.BigInteger("12345678901234567890")),
          new Case(
              "[1.0, 0.1, 2.5, -0.0, 1e16, 1e15, 123456789.125, 1e-05, 0.0001, 1.5e-10, 1e+300]",
              1.0,
              0.1,
              2.5,
              -0.0,
              1e16,
              1e15,
              123456789.125,
              1e-05,
              0.0001,
              1.5e-10,
              1e300),
          new Case("[float('inf'), float('nan')]", Double.POSITIVE_INFINITY, Double.NaN));

  @Test
  void theDjango60FormatMakesDjango32sKeys() {
    List<String> literals = CASES.stream().map(Case::python).toList();
    String script =
        "import sys, ast\n"
            + "from django.core.cache.utils import make_template_fragment_key\n"
            + "for literal in sys.argv[1:]:\n"
            + "    print(make_template_fragment_key('frag', eval(literal)))\n";
    List<String> django =
        Arrays.asList(
            python.run(script, literals.toArray(String[]::new)).strip().split("\n"));

    List<String> larder = new ArrayList<>();
    for (Case c : CASES) {
      larder.add(FragmentKeys.DJANGO_6_0.key("frag", c.java()));
    }
    assertThat(larder).isEqualTo(django);
  }

  @Test
  void withoutVaryOnValuesBothFormatsMakeDjangosKey() {
    String django =
        python.run(
                "from django.core.cache.utils import make_template_fragment_key\n"
                    + "print(make_template_fragment_key('a.fragment'))")
            .strip();

    assertThat(FragmentKeys.make("a.fragment")).isEqualTo(django);
    assertThat(FragmentKeys.DJANGO_6_0.key("a.fragment", List.of())).isEqualTo(django);
  }

  @Test
  void theCurrentFormatMakesDjango61sKeys() {
    assertThat(FragmentKeys.make("a.fragment"))
        .isEqualTo("template.cache.a.fragment.d41d8cd98f00b204e9800998ecf8427e");
    assertThat(FragmentKeys.make("foo", "abc"))
        .isEqualTo("template.cache.foo.a6360ec2c58ecc4b23fd5bd00216fccd");
    assertThat(FragmentKeys.make("bar", "abc", "def"))
        .isEqualTo("template.cache.bar.250310c146db454966b64f5fc265a540");
    assertThat(FragmentKeys.make("foo", "abc:def"))
        .isEqualTo("template.cache.foo.ea0c64a9e21cdd4a2b4be25f9e69601f");
    assertThat(FragmentKeys.make("spam", "abc:def%"))
        .isEqualTo("template.cache.spam.bf6c24ef2576004284e0522c15314d8c");
    assertThat(FragmentKeys.make("foo", 1, 2, 3, 4, 5))
        .isEqualTo("template.cache.foo.087c006c1b99e0d147f624b4921f8a13");
    assertThat(FragmentKeys.make("foo", "42º", "😀"))
        .isEqualTo("template.cache.foo.ab66482052ab2084b9d25bdd04bc9b10");
    assertThat(FragmentKeys.make("foo", "x".repeat(10000)))
        .isEqualTo("template.cache.foo.abff8a6702abde497feae7f61de2ef1e");
  }

  @Test
  void theCurrentFormatNoLongerCollidesWhereDjango60Did() {
    assertThat(FragmentKeys.DJANGO_6_0.key("foo", List.of("abc:def")))
        .isEqualTo(FragmentKeys.DJANGO_6_0.key("foo", List.of("abc", "def")));
    assertThat(FragmentKeys.make("foo", "abc:def"))
        .isNotEqualTo(FragmentKeys.make("foo", "abc", "def"));
  }

  @Test
  void theCurrentFormatConvertsValuesAsPythonsStrDoes() {
    String django61 =
        python.run(
                "import sys, hashlib\n"
                    + "h = hashlib.md5()\n"
                    + "for arg in [None, True, 1e16, 0.1, -3]:\n"
                    + "    data = str(arg).encode()\n"
                    + "    h.update(b'%d:%s,' % (len(data), data))\n"
                    + "print('template.cache.mixed.' + h.hexdigest())")
            .strip();

    assertThat(FragmentKeys.make("mixed", null, true, 1e16, 0.1, -3)).isEqualTo(django61);
  }

  private record Case(String python, List<Object> java) {
    Case(String python, Object... java) {
      this(python, Arrays.asList(java));
    }
  }
}
