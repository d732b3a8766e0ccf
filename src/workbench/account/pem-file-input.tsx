import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';

interface PemFileInputProps<T extends { name: string }> {
  value?: T;
  onChange?: (value: T | undefined) => void;
  /** Reads the chosen file; a thrown error's message is shown under the button. */
  read: (file: File) => Promise<T>;
  buttonText: string;
  accept?: string;
  disabled?: boolean;
}

/**
 * A form control for a local PEM file (a key or a certificate). The file is read in the page and
 * never uploaded: `beforeUpload` returns false.
 */
export function PemFileInput<T extends { name: string }>({ value, onChange, read, buttonText, accept = '.pem,.key,.crt,.cer,.txt', disabled }: PemFileInputProps<T>) {
  const [problem, setProblem] = useState<string>();
  const choose = (file: File) => {
    setProblem(undefined);
    read(file).then(
      (parsed) => onChange?.(parsed),
      (error: unknown) => {
        setProblem(error instanceof Error ? error.message : String(error));
        onChange?.(undefined);
      },
    );
    return false;
  };
  return (
    <Space direction="vertical" size={4}>
      <Upload accept={accept} maxCount={1} showUploadList={false} beforeUpload={choose} disabled={disabled}>
        <Button icon={<UploadOutlined aria-hidden />} disabled={disabled}>
          {buttonText}
        </Button>
      </Upload>
      {value && (
        <Typography.Text>
          <FileTextOutlined aria-hidden /> {value.name}
        </Typography.Text>
      )}
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Space>
  );
}
