import { Alert, Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemToForm } from "../../../components/RecordForm";
import { ErrorState, LoadingState } from "../../../components/states";
import { toastSuccess } from "../../../lib/toast";
import { createProduct, priceListsQuery, productQuery, updateProduct } from "../api/products";
import { emptyProduct, invalidPrices, productToValues, toProductBody, type ProductValues } from "../model/product-form";
import { PRODUCT_KINDS, type PriceList, type Product } from "../model/types";

/** The body's fields, for field errors from the server (prices[0].amount shows on "prices"). */
const PRODUCT_FIELDS = ["code", "name", "kind", "unit", "vat_rate_bp", "description", "active", "prices"];

interface Props {
  /** null: a new product. */
  productId: string | null;
  onClose: () => void;
  onSaved: () => void;
}

function ProductForm({ product, lists, onClose, onSaved }: { product: Product | null; lists: PriceList[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProductValues>(product ? productToValues(product) : emptyProduct);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [badPrices, setBadPrices] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<ProductValues>) => setValues((v) => ({ ...v, ...changes }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bad = invalidPrices(values);
    setBadPrices(bad);
    if (bad.length) return;
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      const body = toProductBody(values, lists);
      if (product) await updateProduct(product, body);
      else await createProduct(body);
      toastSuccess(product ? t("dealAdmin.products.saved") : t("dealAdmin.products.created"));
      onSaved();
    } catch (err) {
      const { fieldErrors: found, general } = problemToForm(t, err, PRODUCT_FIELDS);
      setFieldErrors(found);
      setError(general);
    } finally {
      setSaving(false);
    }
  };

  const title = product ? t("dealAdmin.products.editTitle") : t("dealAdmin.products.new");
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <Stack>
        {error && (
          <Alert color="red" role="alert" title={t("form.errorTitle")} style={{ whiteSpace: "pre-line" }}>
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("dealAdmin.products.code")} required data-autofocus value={values.code} error={fieldErrors.code} onChange={(e) => set({ code: e.currentTarget.value })} />
          <TextInput label={t("dealAdmin.products.name")} required value={values.name} error={fieldErrors.name} onChange={(e) => set({ name: e.currentTarget.value })} />
          <NativeSelect
            label={t("dealAdmin.products.kind")}
            value={values.kind}
            data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`dealAdmin.productKinds.${k}`) }))}
            onChange={(e) => set({ kind: e.currentTarget.value === "service" ? "service" : "product" })}
          />
          <TextInput label={t("dealAdmin.products.unit")} required value={values.unit} error={fieldErrors.unit} onChange={(e) => set({ unit: e.currentTarget.value })} />
          <NumberInput
            label={t("dealAdmin.products.vat")}
            value={values.vatPercent}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            error={fieldErrors.vat_rate_bp}
            onChange={(v) => set({ vatPercent: typeof v === "number" ? v : v === "" ? "" : Number(v) })}
          />
          <Switch mt="lg" label={t("dealAdmin.products.active")} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
        </SimpleGrid>
        <Textarea label={t("dealAdmin.products.description")} autosize minRows={2} value={values.description} error={fieldErrors.description} onChange={(e) => set({ description: e.currentTarget.value })} />
        <Text fw={600} size="sm">
          {t("dealAdmin.products.prices")}
        </Text>
        {fieldErrors.prices && (
          <Text size="sm" c="red">
            {fieldErrors.prices}
          </Text>
        )}
        {lists.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("dealAdmin.products.noPriceLists")}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {lists.map((l) => (
              <TextInput
                key={l.id}
                label={`${l.name} (${l.currency})${l.active ? "" : ` · ${t("dealAdmin.inactive")}`}`}
                placeholder={t("dealAdmin.products.notListed")}
                inputMode="decimal"
                value={values.prices[l.id] ?? ""}
                error={badPrices.includes(l.id) ? t("dealAdmin.products.badAmount") : null}
                rightSection={<Text size="xs">{l.currency}</Text>}
                rightSectionWidth={44}
                onChange={(e) => set({ prices: { ...values.prices, [l.id]: e.currentTarget.value } })}
              />
            ))}
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={saving}>
            {product ? t("common.save") : t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A product with its price on each price list. */
export function ProductModal({ productId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const lists = useQuery(priceListsQuery);
  const product = useQuery({ ...productQuery(productId ?? ""), enabled: productId !== null, gcTime: 0 });
  const title = productId ? t("dealAdmin.products.editTitle") : t("dealAdmin.products.new");
  const pending = lists.isPending || (productId !== null && product.isPending);
  const failed = lists.error ?? (productId !== null ? product.error : null);
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      {failed ? (
        <ErrorState error={failed} />
      ) : pending ? (
        <LoadingState />
      ) : (
        <ProductForm product={productId ? (product.data ?? null) : null} lists={lists.data ?? []} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}
